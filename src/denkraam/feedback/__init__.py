"""Customer feedback files, scrubbed and classified by need."""
