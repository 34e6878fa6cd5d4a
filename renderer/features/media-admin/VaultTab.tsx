import { useState } from 'react';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { RetentionCard } from './RetentionCard.js';
import { VaultVerifyCard } from './VaultVerifyCard.js';

/** 音视频—证据库 (admin): prove the vault is unchanged, and remove footage past its retention period. */
export function VaultTab() {
  const { me } = useSession();
  // A purge changes what a check reads: the check card counts again.
  const [purges, setPurges] = useState(0);
  return (
    <>
      {can(me, 'media.verifyStart') && <VaultVerifyCard version={purges} />}
      {can(me, 'media.retentionCandidates') && <RetentionCard onPurged={() => setPurges((n) => n + 1)} />}
    </>
  );
}
