"""Shortlist: hiring-manager decision support."""
