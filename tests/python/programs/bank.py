class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__("need %d, have %d" % (need, have))
        self.need = need
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(amt, self.balance)
        self.balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self):
        return "Account(%d, %r, %d)" % (self.id, self.owner, self.balance)
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = int(self.balance * self.rate)
        return self.deposit(interest) if interest else self
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, amt=0):
        a = cls(owner, amt)
        self.accounts[a.id] = a
        return a
    def transfer(self, src, dst, amt):
        try:
            self.accounts[src].withdraw(amt)
        except InsufficientFunds as e:
            return "failed: %s" % e
        self.accounts[dst].deposit(amt)
        return "ok"
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
a = bank.open(Account, "ann", 100)
b = bank.open(Savings, "bob", 1000)
print(bank.transfer(a.id, b.id, 30), bank.transfer(a.id, b.id, 500))
b.add_interest().add_interest()
print(a, b, bank.total(), b.history)
try:
    a.deposit(-5)
except ValueError as e:
    print("ValueError", e)
print(sorted(bank.accounts.values(), key=lambda acc: -acc.balance))
