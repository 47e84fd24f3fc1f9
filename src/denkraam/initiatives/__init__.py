"""Interaction initiatives: a letter, a web page, a phone line, a counter, a chatbot."""
