"""Everything that touches the disk or the OS keyring: paths, atomic writes, user data."""
