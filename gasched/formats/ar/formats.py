# Django's Arabic date-time format puts the month first and drops the minutes.
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
SHORT_DATETIME_FORMAT = "j/n/Y، H:i"
FIRST_DAY_OF_WEEK = 1
