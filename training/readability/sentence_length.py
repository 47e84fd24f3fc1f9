"""Which sentence length best separates the City of Amsterdam's complex sentences from their simplified rewrites.

Run: PYTHONPATH=src:training .venv/bin/python -m readability.sentence_length [--held-out]

For every threshold T it prints the share of complex and of simplified sentences with more than T words (the
sentences as the check's splitter cuts them) and the difference between the two (Youden's J): the T with the
largest J separates the two sides best. The calibration part is the default; `--held-out` measures the rest. This
is how the default `--max-sentence-words` of the long-sentence rule was checked (docs/text-check.md, lange-zin).
"""

from __future__ import annotations

import argparse

from denkraam.analysis.text.tokens import split_sentences

from .common import load_amsterdam_sentences


def lengths(texts: list[str]) -> list[int]:
    """Word counts of the sentences in `texts`."""
    return [len(sentence.words) for text in texts for sentence in split_sentences(text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="measure the held-out part instead")
    args = parser.parse_args()
    pairs = [pair for pair in load_amsterdam_sentences() if pair.calibration != args.held_out]
    complex_lengths = lengths([pair.complex for pair in pairs])
    simple_lengths = lengths([pair.simple for pair in pairs])
    print(f"{len(pairs)} pairs: {len(complex_lengths)} complex and {len(simple_lengths)} simplified sentences")
    print("T\tcomplex > T\tsimple > T\tJ")
    best = (0.0, 0)
    for threshold in range(10, 36):
        share_complex = sum(n > threshold for n in complex_lengths) / len(complex_lengths)
        share_simple = sum(n > threshold for n in simple_lengths) / len(simple_lengths)
        best = max(best, (share_complex - share_simple, threshold))
        print(f"{threshold}\t{share_complex:.3f}\t{share_simple:.3f}\t{share_complex - share_simple:.3f}")
    print(f"largest J at T = {best[1]} ({best[0]:.3f})")


if __name__ == "__main__":
    main()
