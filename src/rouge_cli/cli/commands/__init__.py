"""One module per command: parse nothing, decide nothing about data; call the core and a renderer."""
