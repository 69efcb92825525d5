import type { TreeEdit } from '../core/resolve-changes';
import { quotePath } from './fast-import';

/** fast-import file commands (`M`/`D`) for tree edits; contents go inline, byte for byte. */
export function fastImportCommands(edits: TreeEdit[]): Buffer[] {
  return edits.flatMap((edit) => {
    if (edit.op === 'remove') return [Buffer.from(`D ${quotePath(edit.path)}\n`)];
    if (edit.op === 'link') return [Buffer.from(`M ${edit.mode} ${edit.id} ${quotePath(edit.path)}\n`)];
    return [Buffer.from(`M ${edit.mode} inline ${quotePath(edit.path)}\ndata ${edit.content.length}\n`), edit.content, Buffer.from('\n')];
  });
}
