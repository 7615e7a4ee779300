"""Pure normalizers (no spaCy): numbers, percentages, money, dates."""
