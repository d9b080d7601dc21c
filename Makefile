# User-facing entry points. Each target installs what it is missing
# (tools/deps.sh) and builds out of tree under build/<board>.
#   make sim     build the host simulator and boot it into msh
#   make run     build the STM32F405 firmware and boot it in QEMU
#   make debug   like run, but QEMU waits for gdb
#   make test    every test (format, kernel, shell, Python, QEMU; ASan+UBSan builds)
#   make bench   interpreter instruction counts against python3
#   make rtpy    build the host Python CLI (build/sim/rtpy)
#   make format  reformat every C file with the repository's .clang-format

JOBS    ?= 2
SIM     := build/sim
QEMUB   := build/stm32f405-qemu
CMAKE_Q := cmake -S . -Wno-dev --log-level=WARNING

.PHONY: sim run debug test bench rtpy format format-check clean build-sim build-qemu

build-sim:
	@bash tools/deps.sh host
	@$(CMAKE_Q) -B $(SIM) -DRTL_BOARD=sim -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(SIM) -j$(JOBS)
	@ln -sf $(SIM)/compile_commands.json compile_commands.json

build-qemu:
	@bash tools/deps.sh host arm qemu
	@$(CMAKE_Q) -B $(QEMUB) -DRTL_BOARD=stm32f405-qemu -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
	@cmake --build $(QEMUB) -j$(JOBS)

sim: build-sim
	@$(SIM)/rtthread-sim

run: build-qemu
	@bash tools/qemu.sh run $(QEMUB)/rtthread.elf

debug: build-qemu
	@bash tools/qemu.sh debug $(QEMUB)/rtthread.elf

rtpy: build-sim
	@echo "$(SIM)/rtpy"

test:
	@bash tools/run-tests.sh

bench: build-sim
	@python3 bench/run.py $(SIM)/rtpy

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

format-check:
	@bash tools/format-check.sh

clean:
	rm -rf build compile_commands.json
