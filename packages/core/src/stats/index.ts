// Barrel: one line per module, appended by whoever adds one.
