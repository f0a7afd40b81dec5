import { useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Notice } from '@/components/notice';
import {
  WizardFrameContext,
  type WizardFrameContextValue,
  type WizardSummaryItem,
} from '@/components/wizard-frame';
import {
  findModel,
  installLabel,
  versionLineLabel,
  type DraftCheck,
  type DraftAnswers,
} from '@/rules';
import { useActiveDraft } from '@/store/use-active-draft';
import { useWizardStore } from '@/store/wizard-store';

const firstStepPath = '/wizard/deployment';

function versionText(from: string, to: string | undefined): string {
  return `${from} → ${to === undefined || to === '' ? '…' : to}`;
}

/** The short "answers so far" line every wizard page shows. */
export function answerSummary(answers: DraftAnswers, check: DraftCheck): WizardSummaryItem[] {
  const model = findModel(answers.model);
  const items: WizardSummaryItem[] = [{ label: 'Model', value: model.label, step: 'deployment' }];
  if (model.installs.length > 0 && answers.install !== null) {
    items.push({ label: 'Installation', value: installLabel(answers), step: 'deployment' });
  }
  const resolved = check.earlyInput;
  if (answers.gateway.from.trim() !== '') {
    items.push({
      label: versionLineLabel('gateway', answers.components),
      value: versionText(
        answers.gateway.from.trim(),
        resolved?.gateway.to ?? answers.gateway.to.trim(),
      ),
      step: 'versions',
    });
  }
  for (const id of ['pump', 'mdcb'] as const) {
    const change = answers[id];
    if (!answers.components.includes(id) || change.from.trim() === '') continue;
    items.push({
      label: versionLineLabel(id, answers.components),
      value: versionText(change.from.trim(), resolved?.[id]?.to ?? change.to.trim()),
      step: 'versions',
    });
  }
  return items;
}

/** The route around every wizard step: it needs an open plan and tells the frame about it. */
export function WizardLayout() {
  const draft = useActiveDraft();
  const location = useLocation();
  const notice = useWizardStore((state) => state.notice);
  const dismissNotice = useWizardStore((state) => state.dismissNotice);
  const answers = draft?.answers;
  const check = draft?.check;
  const frame = useMemo<WizardFrameContextValue>(
    () =>
      answers === undefined || check === undefined
        ? { reachable: [], summary: [] }
        : { reachable: check.reachable, summary: answerSummary(answers, check) },
    [answers, check],
  );

  // Only the first step can start a plan; any other address without one goes there.
  if (draft === null && location.pathname !== firstStepPath) {
    return <Navigate to={firstStepPath} replace />;
  }
  return (
    <WizardFrameContext value={frame}>
      {notice === null ? null : (
        <div className="mb-6">
          <Notice message={notice} onDismiss={dismissNotice} />
        </div>
      )}
      <Outlet />
    </WizardFrameContext>
  );
}
