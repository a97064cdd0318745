# A Django settings module shipped with the package: Django reads these names, the package does not.
INSTALLED_APPS = ["unread"]
EMAIL_TIMEOUT = 10  # expect: no-hardcoded-timeout
