# "29 июня": the day and month need the genitive month name (E), not the nominative.
MONTH_DAY_FORMAT = "j E"
