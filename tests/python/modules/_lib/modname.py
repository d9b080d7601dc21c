NAME = __name__
def is_main():
    return __name__ == "__main__"
