"""Small widgets every screen shares, written once so that they look and behave the same everywhere."""
