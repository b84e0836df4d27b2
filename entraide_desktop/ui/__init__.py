"""Qt widgets of Entraide. No SQL here: screens call data/ and documents/ functions."""
