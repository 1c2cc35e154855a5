"""Coalition Atlas: joint letters in, coalition graph out. Never imports streamlit."""
__version__ = "0.1.0"
