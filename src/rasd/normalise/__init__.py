"""Stage 2: original text to matching text with an offset map, sentences and tokens."""

from rasd.normalise.match import Hit, Lexicon
from rasd.normalise.sentences import split_sentences
from rasd.normalise.text import NormText, fold, normalise

__all__ = ["Hit", "Lexicon", "NormText", "fold", "normalise", "split_sentences"]
