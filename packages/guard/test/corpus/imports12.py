# A library known by its module's import is known however the import statement is written (several modules on one line).
import os, pyvisa


def open_forever(address):
    rm = pyvisa.ResourceManager(os.environ.get("VISA_BACKEND", "@py"))
    return rm.open_resource(address, timeout=None)  # expect: no-unbounded-timeout
