import { readFileSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers this process's CPU priority to `nice`. On Linux with autogroup scheduling the kernel first shares the
 * CPU between sessions and applies a process's nice only within its session, so a worker that leads a session
 * of its own (as a service manager starts it) sets its session's nice too. A worker started from a terminal
 * shares the terminal's session, whose other processes (the API, the shell) must not be slowed with it.
 */
export function yieldCpu(nice: number): void {
  setPriority(nice);
  try {
    if (sessionId() === process.pid) writeFileSync("/proc/self/autogroup", String(nice));
  } catch {
    // No autogroup scheduling here (another OS, a kernel without it, or a cgroup that manages the CPU instead).
  }
}

function sessionId(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name: state, ppid, pgrp, session.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]);
}
