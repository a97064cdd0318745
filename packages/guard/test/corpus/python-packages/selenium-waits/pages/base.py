# Page helpers that hand a parameter, named nothing like a timeout, to Selenium's explicit wait by its place.
import time

from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support import ui


class PageBase:
    def wait_for_alert(self, sec=5):  # expect: no-hardcoded-timeout
        ui.WebDriverWait(self.driver, sec).until(EC.alert_is_present())

    def wait_for_error(self, sec=20):  # expect: no-hardcoded-timeout
        # The 1 after it is the poll frequency: how often the condition is tried, no bound.
        ui.WebDriverWait(self.driver, sec, 1).until(EC.title_contains("Error"))

    def pause(self, sec=1):
        # A sleep's length bounds no wait.
        time.sleep(sec)

    def show(self, sec=3):
        # `sec` reaches no timeout's place here: a count of rows.
        return self.rows[:sec]
