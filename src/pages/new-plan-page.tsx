import { useEffect, useRef } from 'react';
import { Navigate } from 'react-router';
import { defaultAnswers } from '@/rules';
import { useWizardStore } from '@/store/wizard-store';

/** Starts a fresh plan from the defaults, then opens its first step. */
export function NewPlanPage() {
  const createPlan = useWizardStore((state) => state.createPlan);
  // The ref survives StrictMode's double effect, so one visit makes one plan.
  const createdPlanId = useRef<string | null>(null);
  useEffect(() => {
    if (createdPlanId.current === null) {
      createdPlanId.current = createPlan(defaultAnswers, new Date().toISOString());
    }
  }, [createPlan]);
  return <Navigate to="/wizard/deployment" replace />;
}
