# boot.py: runs first at every boot (before main.py). Keep it short; a file system copy of
# this file, once edited on the device, is kept across reboots of the simulator's host folder.
