"""A client whose tests are served canned responses from its fixtures folder."""
