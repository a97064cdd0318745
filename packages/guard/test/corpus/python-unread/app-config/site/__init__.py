# A Flask app loads its `config.py` by name: Flask-Caching reads the cache timeout, which no import here shows.
from flask import Flask

app = Flask(__name__)
app.config.from_object("site.config")
