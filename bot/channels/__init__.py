"""Channel adapters: each turns a platform's updates into messages for the core and renders its replies."""
