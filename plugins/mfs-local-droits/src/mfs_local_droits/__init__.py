"""Template of a local partner plugin for mfs-core (entry point ``local-droits``).

An association that informs residents on their rights through on-site permanences and video
appointments at the France services counter, modelled on a Point-justice / CDAD-style
association. Its own name, domain and URLs are EXAMPLE VALUES (``example.org``): copy this
package and replace them with your association's.
"""

__version__ = "0.1.0"
