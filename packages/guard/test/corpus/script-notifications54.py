# Python `no-hardcoded-timeout`, session 54 (issue 9): a notification made at a script's top level, in no function
# (mcabber's mcnotify.py: `msgbox = pynotify.Notification(...)`, then `msgbox.set_timeout(3000)`), shows for that
# long: a display duration, as inside a function. A top-level name once assigned something else stays judged.
import pynotify
from channels import open_channel

pynotify.init("notify")
msgbox = pynotify.Notification("title", "body")
msgbox.set_timeout(3000)
msgbox.show()

conn = pynotify.Notification("t", "b")
conn = open_channel("localhost")
conn.set_timeout(5)  # expect: no-hardcoded-timeout
