"""Dutch text analysis: tokens, sentences, readability and the text-check rules."""
