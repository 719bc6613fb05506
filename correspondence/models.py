"""Letters, Permanent Missions and their contacts arrive with the correspondence issue."""
