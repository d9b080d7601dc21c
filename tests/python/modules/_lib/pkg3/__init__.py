NAME = "pkg3"
