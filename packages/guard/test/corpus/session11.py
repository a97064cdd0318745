# Families found on fresh12, fresh13 and scout14pp (issue 9, session 11). `expect:` marks each line that must be
# flagged; every other line must not be.
import threading

import pygame
import pygame as pg
from pygame import event, time
from pygame.time import wait as pause


# A clock module's `wait` pauses the program (pygame's `time.wait(ms)`, however the module is reached): a sleep,
# nothing it waits for could fail to come.
def play(sound, fadeout_time):
    sound.play()
    pygame.time.wait(2000)
    pg.time.wait(200)
    time.wait(10)
    pause(1000)
    sound.fadeout(fadeout_time)
    pygame.time.wait(fadeout_time + 100)


sound_length_in_ms = 100


def check_ended(sound):
    pygame.time.wait(sound_length_in_ms + 100)
    return not sound.get_num_channels()


# An object's `wait` bounds a wait for something that may not come: pygame's event queue, a threading event.
def next_event():
    first = pygame.event.wait(100)  # expect: no-hardcoded-timeout
    second = event.wait(40)  # expect: no-hardcoded-timeout
    return first, second


def ready(flag: threading.Event):
    return flag.wait(5)  # expect: no-hardcoded-timeout


class Player:
    def __init__(self, time):
        self.time = time

    def hold(self):
        # `self.time` is an object of the code, not a module: its `wait` may be any wait.
        return self.time.wait(3)  # expect: no-hardcoded-timeout


# A test that builds an object and only compares, pickles or prints it: the object never waits.
class S3FileSystem:
    def __init__(self, request_timeout=None, connect_timeout=None):
        self.request_timeout = request_timeout
        self.connect_timeout = connect_timeout


def test_s3_options(pickle_module):
    fs = S3FileSystem(request_timeout=0.5, connect_timeout=0.25)
    assert isinstance(fs, S3FileSystem)
    assert pickle_module.loads(pickle_module.dumps(fs)) == fs

    fs2 = S3FileSystem(request_timeout=0.25, connect_timeout=0.5)
    assert fs2 != fs
    assert repr(fs2).startswith("S3FileSystem")
    assert fs2.request_timeout > 0


# Used after it is built (a method called, a read outside an assertion): the timeout bounds its waits.
def test_s3_reads(path):
    fs = S3FileSystem(request_timeout=0.5, connect_timeout=0.25)  # expect: no-hardcoded-timeout, no-hardcoded-timeout
    assert fs.open_input_stream(path).read() == b"data"


def test_s3_handed_on(path, reader):
    fs = S3FileSystem(request_timeout=0.5)  # expect: no-hardcoded-timeout
    data = reader(fs, path)
    assert data == b"data"
