"""denkraam: the Interactiestrategie's thinking frame as working software."""

__version__ = "0.1.0"
