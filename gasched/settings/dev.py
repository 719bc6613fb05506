"""The embedded default for `make run`: everything from base, nothing more."""

from .base import *
