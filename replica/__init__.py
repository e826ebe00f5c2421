"""A replica of the LHH Long An portal, served on loopback for tests and the offline demo."""
