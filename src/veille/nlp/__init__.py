"""NLP: spaCy parses once per article; actors, quotes and events are rules on plain values."""
