import { createHash } from 'node:crypto';

const hashPair = (left: Buffer, right: Buffer) => createHash('sha256').update(left).update(right).digest();

/**
 * Merkle root over leaves fed in a fixed order, in O(log n) memory: a stack of subtree roots,
 * merged like a binary counter. A million chain heads never need to sit in memory together.
 */
export class StreamingMerkle {
  private stack: { level: number; hash: Buffer }[] = [];
  count = 0;

  add(leaf: string): void {
    let node = { level: 0, hash: createHash('sha256').update('leaf:').update(leaf).digest() };
    this.count++;
    while (this.stack.length && this.stack[this.stack.length - 1]!.level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, hash: hashPair(left.hash, node.hash) };
    }
    this.stack.push(node);
  }

  root(): string {
    if (this.stack.length === 0) return createHash('sha256').update('empty').digest('hex');
    let acc = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = hashPair(this.stack[i]!.hash, acc);
    return acc.toString('hex');
  }
}

export const headLeaf = (decisionId: string, seq: number, hash: string) => `${decisionId}:${seq}:${hash}`;
