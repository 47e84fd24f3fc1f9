"""An organisation's house style: its own word list for the text check, kept in versions."""
