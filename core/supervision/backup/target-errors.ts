import { UserError } from '../../errors.js';

/** A failure while writing to the backup target, as a sentence the admin can act on. The previous backups are always intact. */
export function explainTargetError(e: unknown, target: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const intact = '本次备份未完成，以前的备份不受影响。';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('BACKUP_TARGET_FULL', `备份位置“${target}”空间不足。${intact}请清理该磁盘、减少保留的备份份数，或更换更大的磁盘后重试。`, { errno: code });
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError('BACKUP_TARGET_MISSING', `备份位置“${target}”不存在或已断开（移动硬盘被拔出，或网络共享断开）。${intact}请连接后重试。`, { errno: code });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError('BACKUP_TARGET_NOT_WRITABLE', `没有权限写入备份位置“${target}”（或该位置是只读的）。${intact}请检查文件夹权限或网络共享的账户，或更换备份位置。`, { errno: code });
    case 'EIO':
    case 'ENOTCONN':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return new UserError('BACKUP_TARGET_IO', `写入备份位置“${target}”时出错（${code}，磁盘故障或网络中断）。${intact}请检查磁盘或网络后重试。`, { errno: code });
    default:
      return new UserError('BACKUP_FAILED', `备份失败：${(e as Error)?.message ?? String(e)}。${intact}`, { errno: code });
  }
}
