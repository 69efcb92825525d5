import { isBinary } from '../core/content';
import { git } from './git';

/**
 * Remembers whether a blob is binary. Blob ids name content, so an answer never goes
 * stale; only blobs not seen before are read (all in one `cat-file --batch`).
 */
export class BlobKinds {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly capacity = 50_000) {}

  async classify(gitDir: string, ids: string[]): Promise<Map<string, boolean>> {
    const unknown = [...new Set(ids.filter((id) => !this.known.has(id)))];
    if (unknown.length > 0) {
      const { stdout } = await git(['cat-file', '--batch'], { gitDir, input: `${unknown.join('\n')}\n` });
      let offset = 0;
      for (const id of unknown) {
        const headerEnd = stdout.indexOf(0x0a, offset);
        const size = Number(stdout.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
        const body = stdout.subarray(headerEnd + 1, headerEnd + 1 + size);
        this.remember(id, isBinary(body));
        offset = headerEnd + 1 + size + 1;
      }
    }
    return new Map(ids.map((id) => [id, this.known.get(id) ?? false]));
  }

  private remember(id: string, binary: boolean): void {
    if (this.known.size >= this.capacity) this.known.delete(this.known.keys().next().value!);
    this.known.set(id, binary);
  }
}
