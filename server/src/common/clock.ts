import { Injectable } from '@nestjs/common';

/**
 * The time deadlines are judged by. Real time in production; tests and drills move it forward
 * to see what the escalation scheduler does when a deadline passes, without waiting for it.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
