# jenkinsapi's `config.py` (session 38, fresh95): a library's constants file. No module of the package loads modules by
# name, so only imports and module reads can read these: the load timeout is read by nothing, the read one by the client.
LOAD_TIMEOUT = 30
READ_TIMEOUT = 10  # expect: no-hardcoded-timeout
