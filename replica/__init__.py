"""A replica of the LHH Long An portal (lavusta.longan.gov.vn), served on loopback.

The end-to-end tests and the offline demo crawl it instead of the live site. It is an
independent website built from what PORTAL.md records of the real one; it shares no
code with the scraper, so the scraper cannot pass by agreeing with itself.
"""
