"""English language data and text primitives, shared by every stage.

One home for what several stages know about English: resources (the files under
``newsprism/resources`` and how they are read), words (stopwords, negations, word patterns),
numbers (number words and their values), calendar (months, weekdays, ISO days), morphology
(stems and inflections), sentences (the one rule-based sentence splitter) and the PLOVER
trigger lexicon. This package imports nothing from newsprism but ``newsprism.model``.
"""
