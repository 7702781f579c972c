"""The Qt layer: widgets, models and signals only; all decisions live in ``core``."""
