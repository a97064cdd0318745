# Which literal a finding names: the one the rule judged, at its own column, even where an earlier literal on the line
# is a poll interval (review22 item 8). `(names N)`: finding-values.test.ts checks the message and column.
from selenium.webdriver.support.ui import WebDriverWait


def shown(driver, poll):
    poll(driver.ready, interval=1, timeout=5000)  # expect: no-hardcoded-timeout (names 5000)
    WebDriverWait(driver, poll_frequency=0.5, timeout=10).until(lambda d: d.ready)  # expect: no-hardcoded-timeout (names 10)

