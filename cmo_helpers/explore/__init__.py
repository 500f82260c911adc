"""The live explorer, in Lab and in Voila: controls over a market's key inputs, the case they make, and the
scenario overlay that saves it. Uses `report`, `model`, `inputs` and `core`; ipywidgets only in `widgets`.
"""
