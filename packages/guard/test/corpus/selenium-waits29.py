# Selenium's explicit wait reached through its module or under an alias: the second argument (or `timeout=`) bounds
# `until(...)`, the third (`poll_frequency`) is how often it polls. Win32's SendMessageTimeout takes its timeout sixth.
from selenium.webdriver.support import ui
from selenium.webdriver.support.wait import WebDriverWait as Wait
from win32gui import SendMessageTimeout


def find(driver, locator):
    return ui.WebDriverWait(driver, 10).until(lambda d: d.find_element(*locator))  # expect: no-hardcoded-timeout


def find_often(driver, locator):
    return ui.WebDriverWait(driver, 15, 0.2).until(lambda d: d.find_element(*locator))  # expect: no-hardcoded-timeout


def aliased(driver, ready):
    Wait(driver, poll_frequency=1).until(ready)
    Wait(driver, timeout=25).until(ready)  # expect: no-hardcoded-timeout


def clicked(driver, button, sec=8):  # expect: no-hardcoded-timeout
    ui.WebDriverWait(driver, sec).until(lambda d: button.is_enabled())


def broadcast(hwnd, message, flags):
    SendMessageTimeout(hwnd, message, 0, "Environment", flags, 5000)  # expect: no-hardcoded-timeout
    SendMessageTimeout(hwnd, message, 0, 5000)


def refused(driver, ready, sec=None):
    # `float(None)` raises in WebDriverWait's constructor: no wait at all, so no "no limit" either.
    ui.WebDriverWait(driver, None).until(ready)
    Wait(driver, timeout=None).until(ready)
    ui.WebDriverWait(driver, sec).until(ready)
    # 0 checks the condition once.
    ui.WebDriverWait(driver, 0).until(ready)
