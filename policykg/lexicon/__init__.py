"""The domain vocabulary, defined once and used by every stage: places (GB/T 2260), organ words,
annotation keys and role words, brackets, 文号/title normalisation, sentence splitting."""
