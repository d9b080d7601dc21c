def main():
    print("main called", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
