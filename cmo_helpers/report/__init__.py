"""What a reader sees, built from the model inside the notebook kernel: tables, charts, sentences, section
views and the notebook outputs they leave. Uses `model`, `inputs` and `core`; never the pipeline or Typst.
"""
